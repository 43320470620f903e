class ValidationError(Exception):
    pass

def check(age):
    if age < 0:
        raise ValidationError(f"age must be positive, got {age}")

check(5)
check(-1)
