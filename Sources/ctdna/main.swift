print("ctdna")
