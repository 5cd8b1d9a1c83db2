"count: $($args.Count)"
$args
