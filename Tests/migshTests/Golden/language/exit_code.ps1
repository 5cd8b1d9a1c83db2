'before exit'
exit 42
'after exit'
