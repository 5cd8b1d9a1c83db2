foreach ($i in 1..2) {
    if ($i -eq 2) {
        throw "stopped at $i"
    }
    "item $i"
}
