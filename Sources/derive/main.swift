print("derive")
