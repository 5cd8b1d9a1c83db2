# Run without -NoProfile (see profile.args): $MIGSH_HOME/profile.ps1 was loaded first.
Get-Greeting
"loaded: $ProfileLoaded"
