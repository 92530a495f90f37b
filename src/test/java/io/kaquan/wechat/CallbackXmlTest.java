package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The push envelope parser: WeChat's documented shapes, and the payloads it must refuse. */
class CallbackXmlTest {

    static final String CONSUME = """
            <xml><ToUserName><![CDATA[gh_fc0a06a20993]]></ToUserName><FromUserName><![CDATA[oZI8Fj040-be6rlDohc6gkoPOQTQ]]></FromUserName>
            <CreateTime>1472549042</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_consume_card]]></Event>
            <CardId> <![CDATA[pZI8Fj8y-E8hpvho2d1ZvpGwQBvA]]> </CardId><UserCardCode><![CDATA[452998530302]]></UserCardCode>
            <ConsumeSource><![CDATA[FROM_API]]></ConsumeSource><LocationName><![CDATA[]]></LocationName>
            <StaffOpenId><![CDATA[oZ********nJ3bPJu_Rtjkw4c]]></StaffOpenId><VerifyCode><![CDATA[]]></VerifyCode>
            <RemarkAmount><![CDATA[]]></RemarkAmount><OuterStr><![CDATA[xxxxx]]></OuterStr></xml>""";

    static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xml><ToUserName>&xxe;</ToUserName></xml>""";

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [
             <!ENTITY lol "lol">
             <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <xml><ToUserName>&lol9;</ToUserName></xml>""";

    static final String EXTERNAL_DTD = """
            <?xml version="1.0"?>
            <!DOCTYPE xml SYSTEM "http://127.0.0.1:1/evil.dtd">
            <xml><ToUserName>gh_1</ToUserName></xml>""";

    static final String PARAMETER_ENTITY = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/x"> %remote;]>
            <xml><ToUserName>gh_1</ToUserName></xml>""";

    @Test
    void shouldReadACardEventInDocumentOrderWithBlanksAroundCdataTrimmed() throws Exception {
        Map<String, String> fields = CallbackXml.parse(CONSUME);
        assertEquals(List.of("ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "CardId", "UserCardCode",
                "ConsumeSource", "LocationName", "StaffOpenId", "VerifyCode", "RemarkAmount", "OuterStr"),
                List.copyOf(fields.keySet()));
        assertEquals("pZI8Fj8y-E8hpvho2d1ZvpGwQBvA", fields.get("CardId"));
        assertEquals("1472549042", fields.get("CreateTime"));
        assertEquals("", fields.get("LocationName"));
    }

    @Test
    void shouldReadTheSafeModeEnvelope() throws Exception {
        Map<String, String> fields = CallbackXml.parse(
                "<xml>\n<ToUserName><![CDATA[gh_1]]></ToUserName>\n<Encrypt><![CDATA[abc+/=]]></Encrypt>\n</xml>");
        assertEquals(Map.of("ToUserName", "gh_1", "Encrypt", "abc+/="), fields);
    }

    @Test
    void shouldKeepNestedElementsUnderTheirParent() throws Exception {
        Map<String, String> fields = CallbackXml.parse(
                "<xml><Event>scancode_push</Event><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>");
        assertEquals("qrcode", fields.get("ScanCodeInfo.ScanType"));
        assertFalse(fields.containsKey("ScanCodeInfo"));
    }

    @Test
    void shouldKeepTheFirstOfRepeatedElements() throws Exception {
        assertEquals("gh_a", CallbackXml.parse("<xml><ToUserName>gh_a</ToUserName><ToUserName>gh_b</ToUserName></xml>")
                .get("ToUserName"));
    }

    @Test
    void shouldDecodePredefinedEntitiesOnly() throws Exception {
        assertEquals("a&b<c", CallbackXml.parse("<xml><Detail>a&amp;b&lt;c</Detail></xml>").get("Detail"));
    }

    @Test
    void shouldRefuseExternalEntities() {
        assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(XXE));
    }

    @Test
    void shouldRefuseEntityExpansion() {
        assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(BILLION_LAUGHS));
    }

    @Test
    void shouldRefuseAnyDoctype() {
        assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(EXTERNAL_DTD));
        assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(PARAMETER_ENTITY));
    }

    @Test
    void shouldRefuseMalformedDocuments() {
        for (String bad : List.of("", "success", "<xml><ToUserName>gh_1</xml>", "<notxml><a>1</a></notxml>",
                "<xml><Detail>&nbsp;</Detail></xml>", "{\"json\":true}")) {
            assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(bad), bad);
        }
    }

    @Test
    void shouldRefuseDocumentsNestedTooDeeply() {
        assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse("<xml><a><b><c><d>1</d></c></b></a></xml>"));
    }

    /** Each thread reuses its parser: whatever the document before, the next one is read whole and alone. */
    @Test
    void shouldReadADocumentWholeAfterARefusedOneOnTheSameThread() throws Exception {
        Map<String, String> expected = CallbackXml.parse(CONSUME);
        List<String> refused = List.of(BILLION_LAUGHS, XXE, "<xml><ToUserName>gh_1</xml>",
                "<xml>" + "<F>1</F>".repeat(CallbackXml.MAX_ELEMENTS + 1) + "</xml>",
                "<xml><a><b><c><d>1</d></c></b></a></xml>", "<notxml/>", "<xml><Detail>&nbsp;</Detail></xml>");
        for (String bad : refused) {
            assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(bad), bad);
            assertEquals(expected, CallbackXml.parse(CONSUME), "after " + bad);
            assertEquals(Map.of("ToUserName", "gh_2"), CallbackXml.parse("<xml><ToUserName>gh_2</ToUserName></xml>"));
        }
    }

    @Test
    void shouldRefuseTooManyElements() {
        String many = "<xml>" + "<F>1</F>".repeat(CallbackXml.MAX_ELEMENTS + 1) + "</xml>";
        assertThrows(CallbackXml.Malformed.class, () -> CallbackXml.parse(many));
    }
}
