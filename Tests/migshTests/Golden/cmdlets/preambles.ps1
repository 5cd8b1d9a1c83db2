# Exchange Online runbook preamble, run as local no-ops.
Set-ExecutionPolicy RemoteSigned -Scope CurrentUser -Force
Import-Module ExchangeOnlineManagement
$pw = ConvertTo-SecureString 'S3cret!' -AsPlainText -Force
$UserCredential = New-Object System.Management.Automation.PSCredential ('admin@contoso.com', $pw)
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -ShowBanner:$false
$Session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri https://outlook.office365.com/powershell-liveid/ -Credential $UserCredential -Authentication Basic -AllowRedirection
Import-PSSession $Session -DisableNameChecking -AllowClobber
Connect-ExchangeOnline -UserPrincipalName admin@contoso.com -Verbose
$UserCredential.UserName
"$($UserCredential.Password)"
Remove-PSSession $Session
Disconnect-ExchangeOnline -Confirm:$false
'preamble done'
