# -EncodedCommand takes Base64 of UTF-16LE text.
