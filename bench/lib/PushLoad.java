import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.kaquan.wechat.CallbackCrypto;

/**
 * The load of bench/memory: a SAFE-mode tenant written straight into the node's database (its secrets sealed under the
 * node's master key, as the app seals them), then distinct encrypted and signed pushes to /wechat/callback from
 * CONNECTIONS threads for SECONDS seconds (closed loop, JDK HttpClient). Run with the packaged app's jars on the class
 * path (the PostgreSQL driver and CallbackCrypto): java -cp … bench/lib/PushLoad.java BASE JDBC MASTER_KEY SECONDS
 * CONNECTIONS. Prints one line: pushes answered "success", others, requests/s.
 */
public class PushLoad {

    static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        byte[] masterKey = Base64.getDecoder().decode(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        String token = hex(32);
        String aesKey = hex(43);
        String appid = "wxbench" + hex(11);
        String originalId = "gh_bench" + hex(8);
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            db.createStatement().executeUpdate("insert into app_user (subject, name, locale) values ('bench', 'bench', "
                    + "'en') on conflict (subject) do nothing");
            long tenant;
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by, callback_verified_at, original_id_verified_at)
                    values ('memory bench', ?, ?, 'SAFE', true, '', '', '', (select id from app_user where subject = 'bench'),
                        now(), now()) returning id""")) {
                insert.setString(1, appid);
                insert.setString(2, originalId);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    tenant = row.getLong(1);
                }
            }
            try (PreparedStatement seal = db.prepareStatement(
                    "update tenant set appsecret_enc = ?, callback_token_enc = ?, aes_key_enc = ? where id = ?")) {
                seal.setString(1, seal(masterKey, "tenant.appsecret", tenant, hex(32)));
                seal.setString(2, seal(masterKey, "tenant.callback-token", tenant, token));
                seal.setString(3, seal(masterKey, "tenant.aes-key", tenant, aesKey));
                seal.setLong(4, tenant);
                seal.executeUpdate();
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            threads[t] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        long n = sequence.incrementAndGet();
                        String xml = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><FromUserName><![CDATA[o"
                                + hex(27) + "]]></FromUserName><CreateTime>" + (1_700_000_000L + n) + "</CreateTime>"
                                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_view_card]]></Event>"
                                + "<CardId><![CDATA[pbenchmemory0000000000000001]]></CardId><UserCardCode><![CDATA["
                                + n + "]]></UserCardCode></xml>";
                        byte[] random = new byte[16];
                        RANDOM.nextBytes(random);
                        String encrypted = CallbackCrypto.encrypt(aesKey, appid, xml, random);
                        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
                        String nonce = Long.toString(n);
                        String body = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><Encrypt><![CDATA["
                                + encrypted + "]]></Encrypt></xml>";
                        String query = "?signature=" + CallbackCrypto.signature(token, timestamp, nonce) + "&timestamp="
                                + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                                + CallbackCrypto.signature(token, timestamp, nonce, encrypted);
                        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base
                                + "/wechat/callback" + query)).timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/xml")
                                .build(), HttpResponse.BodyHandlers.ofString());
                        (answer.statusCode() == 200 && "success".equals(answer.body()) ? ok : other).incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("pushes answered success: %d, other answers or errors: %d, %.0f requests/s%n", ok.get(),
                other.get(), (ok.get() + other.get()) / (double) seconds);
    }

    /** As io.kaquan.tenant.SecretBox seals: "v2:" + base64(nonce ‖ AES-GCM(ciphertext ‖ tag)), bound to purpose and tenant. */
    static String seal(byte[] masterKey, String purpose, long tenant, String plaintext) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD((purpose + " for tenant " + tenant).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return "v2:" + Base64.getEncoder().encodeToString(out);
    }

    static String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return out.toString();
    }
}
