'not run'

$x = (1 +