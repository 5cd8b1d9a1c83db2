'not printed'
switch -File
