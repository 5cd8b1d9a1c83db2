# -NoProfile: the profile in $MIGSH_HOME is not run.
"loaded: $ProfileLoaded"
