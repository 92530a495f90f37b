package io.kaquan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The one QR encoder: its PNG and its SVG both read back as the text, with the standard quiet zone. */
class QrCodeTest {

    private static final String URL = "http://localhost:8080/sandbox/l/8rhcDh7qLLfZxsCDArMz2jL3";

    static String read(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    @Test
    void aPngReadsBackAsTheTextAtTheLargestWholeScaleThatFits() throws Exception {
        QrCode code = QrCode.of(URL);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.png(430)));
        int scale = 430 / code.modules();
        assertEquals(code.modules() * scale, image.getWidth());
        assertEquals(image.getWidth(), image.getHeight());
        assertEquals(URL, read(image));
        assertEquals(0xFFFFFFFF, image.getRGB(scale * QrCode.QUIET_ZONE - 1, scale * QrCode.QUIET_ZONE - 1),
                "the quiet zone is white");
        assertEquals(code.modules(), ImageIO.read(new ByteArrayInputStream(code.png(1))).getWidth(),
                "at least a pixel per module");
    }

    @Test
    void anSvgDrawsTheSameModules() throws Exception {
        QrCode code = QrCode.of("中文也行 " + URL);
        String svg = code.svg(240);
        int modules = code.modules();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules + " "
                + modules + "\" width=\"240\" height=\"240\""), svg);
        assertTrue(!svg.contains("<script"), svg);
        // Draw the SVG's squares into an image and read it like a scanner would.
        BufferedImage image = new BufferedImage(modules * 4, modules * 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < modules * 4; y++) {
            for (int x = 0; x < modules * 4; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        java.util.regex.Matcher square = java.util.regex.Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int mx = Integer.parseInt(square.group(1));
            int my = Integer.parseInt(square.group(2));
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    image.setRGB(mx * 4 + x, my * 4 + y, 0);
                }
            }
        }
        assertEquals("中文也行 " + URL, read(image));
    }

    @Test
    void aTextTooLongForAQrCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCode.of("x".repeat(8000)));
    }
}
