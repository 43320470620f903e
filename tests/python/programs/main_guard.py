def main():
    print("running main, __name__ is", __name__)

if __name__ == "__main__":
    main()
