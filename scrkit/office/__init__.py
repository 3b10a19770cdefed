"""Office files (Word .docx, Excel .xlsx) from outside: opened only after their zip structure is checked."""
