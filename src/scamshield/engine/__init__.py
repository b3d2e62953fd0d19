"""Pure risk engine: sync functions over plain inputs. No I/O, no framework imports, no env reads."""
