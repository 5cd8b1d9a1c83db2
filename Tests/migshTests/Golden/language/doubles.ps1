# Doubles show 15 significant digits, as pwsh's G15 conversion does.
0.1 + 0.2
1 / 3
2 / 3
[math]::PI
"pi is $([math]::PI)"
[string](0.1 + 0.2)
(0.1 + 0.2).ToString()
1e15
123456789012345678.0
1 / 3 / 100000
[double]::MaxValue
-1.5
