// RFC 2047 encoded words and header unfolding, as used for skipped items' Subject and From.
import Testing
@testable import Engine

@Suite struct EncodedWordsTests {
    @Test func decodesBAndQWordsAndJoinsAdjacentOnes() {
        #expect(EncodedWords.decode("=?UTF-8?B?R3LDtsOfZQ==?=") == "Größe")
        #expect(EncodedWords.decode("=?iso-8859-1?q?J=F6rg_M=FCller?= <j@example.com>") == "Jörg Müller <j@example.com>")
        #expect(EncodedWords.decode("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab")          // space between words goes
        #expect(EncodedWords.decode("Re: =?UTF-8?Q?caf=C3=A9?= time") == "Re: café time")
        #expect(EncodedWords.decode("=?windows-1252?Q?=80uro?=") == "€uro")
        #expect(EncodedWords.decode("=?UTF-8?B?YWJj?=") == "abc")                      // unpadded base64 is fine too
    }

    @Test func leavesMalformedWordsAsWritten() {
        #expect(EncodedWords.decode("=?UTF-8?X?abc?=") == "=?UTF-8?X?abc?=")
        #expect(EncodedWords.decode("=?UTF-8?Q?a=Zb?=") == "=?UTF-8?Q?a=Zb?=")
        #expect(EncodedWords.decode("plain = text ?=") == "plain = text ?=")
    }

    @Test func findsAFoldedFieldCaseInsensitively() {
        let header = Array("From: A <a@example.com>\r\nsubject: =?UTF-8?Q?first?=\r\n\t=?UTF-8?Q?_second?=\r\nX-Other: y\r\n\r\n".utf8)
        #expect(EncodedWords.field("Subject", in: header) == "first second")
        #expect(EncodedWords.field("FROM", in: header) == "A <a@example.com>")
        #expect(EncodedWords.field("To", in: header) == nil)
        // 8-bit (raw UTF-8) headers come through as they are.
        #expect(EncodedWords.field("Subject", in: Array("Subject: Grüße\r\n\r\n".utf8)) == "Grüße")
    }
}
