# Calling the seed's main() twice: the first run drops its tables at the end,
# so the second run creates them again and gets user id 1 once more.
import main

print("--- first run")
main.main()
print("--- second run")
main.main()
