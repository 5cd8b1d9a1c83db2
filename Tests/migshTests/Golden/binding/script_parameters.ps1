param([string]$Label = 'none', [int]$Repeat = 1)
"label=$Label repeat=$Repeat"
