$rows = @(
    [pscustomobject]@{Name = 'alpha'; SizeBytes = 1572864; Note = 'first line'}
    [pscustomobject]@{Name = 'b'; SizeBytes = 512; Note = 'a much longer note that will need wrapping'}
)
$rows | Format-Table Name, @{n = 'MB'; e = { $_.SizeBytes / 1MB }}, Note -AutoSize
$rows | Format-Table Name, Missing -HideTableHeaders
$rows | Format-Table @{Label = 'N'; Expression = 'Name'; Width = 3}, @{l = 'Note'; e = { $_.Note }; Width = 12} -Wrap
