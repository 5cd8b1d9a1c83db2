function Show-Value {
    param([Parameter(ValueFromPipeline)][int]$Value)
    process { "value $Value doubled $($Value * 2)" }
}
1, '2', 3 | Show-Value
function Show-User {
    param(
        [Parameter(ValueFromPipelineByPropertyName)][string]$EmailAddress,
        [Parameter(ValueFromPipelineByPropertyName)][Alias('Login')][string]$UserName
    )
    process { "$UserName <$EmailAddress>" }
}
[pscustomobject]@{ EmailAddress = 'ann@contoso.com'; UserName = 'ann' },
[pscustomobject]@{ EmailAddress = 'bob@contoso.com'; Login = 'bob' } | Show-User
