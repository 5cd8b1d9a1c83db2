$lines = [System.IO.File]::ReadAllLines('C:\Users\Administrator\Desktop\users.csv')
$lines.Count
$lines[0]
$bytes = [System.IO.File]::ReadAllBytes("C:\\Users\\Administrator\\Desktop\\users.csv")
$bytes.Length
[System.IO.File]::Exists('c:\users\administrator\desktop\USERS.CSV')
[System.IO.File]::ReadAllText('D:\missing.txt')
