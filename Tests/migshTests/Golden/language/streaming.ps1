# Streams: Select-Object stops the range after three objects instead of producing 100 million.
1..100000000 | Select-Object -First 3
$produced = 0
1..100000000 | ForEach-Object { $produced++; $_ } | Select-Object -First 2
"produced $produced"
