package io.kaquan.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kaquan.tenant.CallbackAddress;

/** Whether WeChat could reach the callback URL shown on the settings page, from the URL alone. */
class CallbackAddressTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "https://kaquan.example.com/wechat/callback, PUBLIC",
            "https://203.0.113.7/wechat/callback, PUBLIC",
            "http://kaquan.example.com/wechat/callback, PLAIN_HTTP",
            "http://localhost:8080/wechat/callback, PRIVATE",
            "https://localhost/wechat/callback, PRIVATE",
            "http://127.0.0.1/wechat/callback, PRIVATE",
            "https://10.1.2.3/wechat/callback, PRIVATE",
            "https://192.168.1.20/wechat/callback, PRIVATE",
            "https://172.20.0.5/wechat/callback, PRIVATE",
            "https://169.254.1.1/wechat/callback, PRIVATE",
            "https://100.64.0.1/wechat/callback, PRIVATE",
            "https://[::1]/wechat/callback, PRIVATE",
            "https://[fd00::1]/wechat/callback, PRIVATE",
            "https://kaquan/wechat/callback, PRIVATE",
            "https://shop.local/wechat/callback, PRIVATE",
            "https://kaquan.example.com:8443/wechat/callback, WRONG_PORT",
            "http://kaquan.example.com:8080/wechat/callback, WRONG_PORT" })
    void shouldJudgeTheAddress(String url, CallbackAddress expected) {
        assertEquals(expected, CallbackAddress.of(url));
    }
}
