#!/usr/bin/env migsh
Write-Output 'a shebang line is a comment'
