'text'
42
1.5
$true
$null
@()
''
1, (2, 3)
[datetime]'2025-08-01 10:15:00'
[ordered]@{ Name = 'IMAPBatch1'; Port = 993 }
