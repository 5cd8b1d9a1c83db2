# Numbers follow the left operand: integer division widens, strings repeat and concatenate.
7 / 2
6 / 3
2 + 3 * 4
(2 + 3) * 4
10 % 4
-7 + 2
2147483647 + 1
0.1 + 0.2
1e20
1.5e-7
5KB
'ab' * 3
'n' + 1
1 + '41'
[int]2.5
[int]3.5
