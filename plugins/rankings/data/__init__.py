"""Reading and checking the data folder: the contract (schema.py, vocabulary.py), the files (folder.py), the one
CSV reader (reader.py), the checks of each kind of file, and load(), which gives the tables or every problem."""
