# Prompts fail clearly under -NonInteractive.
$name = Read-Host 'Batch name'
$cred = Get-Credential
'continued'
