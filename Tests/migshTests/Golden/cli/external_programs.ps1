# External programs: argv as written, stdout lines into the pipeline as strings, stderr
# passed through, pipeline input on stdin, the exit code in $LASTEXITCODE and $?.
/bin/echo hello 'two words' -n:x 1,2
$lines = @(/bin/sh -c 'printf "a\nb\r\nc"')
$lines.Count
$lines -join '|'
$lines[0].GetType().Name
/bin/sh -c 'exit 3'
"exit $LASTEXITCODE, ok $?"
/bin/true
"exit $LASTEXITCODE, ok $?"
'b', 'a', 'c' | /bin/cat | ForEach-Object { "cat: $_" }
'3', '1', '2' | /usr/bin/sort
/bin/sh -c 'echo to-stderr >&2'
(/usr/bin/seq 1 100000 | Select-Object -First 3) -join ','
& /bin/echo 'via &'
$prog = 'printf'
& $prog '%s-%s\n' x y
no-such-program-xyz
'end'
