import ArgumentParser
print("learnerpower")
