param($Label = 'default')
"child says $Label"
exit 3
