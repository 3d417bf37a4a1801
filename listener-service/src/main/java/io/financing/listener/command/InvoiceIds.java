package io.financing.listener.command;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The id of the invoice a SellInvoice command creates: a name-based UUID (version 5, RFC 9562) of the
 * command id, so that sending the same command again names the same invoice.
 */
public final class InvoiceIds {

    /** The namespace of invoice ids; anyone can derive an invoice id from a command id with it. */
    public static final UUID NAMESPACE = UUID.fromString("0b6f3c1e-5d2a-4f1b-9a7e-3c4d5e6f7a8b");

    private InvoiceIds() {
    }

    public static UUID forCommand(UUID commandId) {
        byte[] hash = sha1(NAMESPACE, commandId.toString());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static byte[] sha1(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-1", e);
        }
    }
}
