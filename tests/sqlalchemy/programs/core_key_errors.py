"""KeyError as SQLAlchemy raises it, for a column a table or a subquery does not have and a
configuration without a url: the key itself is the argument (KeyError('zz'), printed 'zz')."""
from sqlalchemy import Column, Integer, MetaData, Table, engine_from_config, select

t = Table("t", MetaData(), Column("a", Integer))
for lookup in (lambda: t.c["zz"], lambda: select(t).subquery().c["zz"], lambda: engine_from_config({})):
    try:
        lookup()
    except KeyError as e:
        print(repr(e), str(e), e.args)
engine_from_config({"sqlalchemy.echo": "true"})
