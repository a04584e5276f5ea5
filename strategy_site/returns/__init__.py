"""Partners' returns: a workbook for each partner of the figures and action statuses it owes the partnership,
and the same workbooks (or CSV) read back into the YAML without retyping.

``layout`` declares the sheets once; ``due`` works out what a partner owes; ``workbook`` writes XLSX and ODS;
``cells`` reads XLSX, ODS and CSV into cells with their places; ``tables`` finds the tables by their headings;
``values`` reads a cell as a figure, a period or a status; ``reconcile`` compares what was read with the
partnership's documents; ``yaml_edit`` writes the changes with a round-trip YAML library.
"""
