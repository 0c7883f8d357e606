False True <class '_io.FileIO'>
