#![cfg(not(target_family = "wasm"))]
use alembic_lab::lab::{Lab, Sources};
#[test]
fn probe() {
    let source = std::fs::read_to_string("/tmp/probe/prog.py").unwrap();
    let mut lab = Lab::new(Sources::default());
    lab.write_file("prog.py", &source).unwrap();
    let t = std::time::Instant::now();
    let result = lab.run("python prog.py");
    println!("{}\n-- ok={} {} ms", result.output.join("\n"), result.ok(), t.elapsed().as_millis());
}
