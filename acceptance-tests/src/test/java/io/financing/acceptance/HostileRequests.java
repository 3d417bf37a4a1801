package io.financing.acceptance;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import io.financing.api.v1.ApproveFinancingCommand;
import io.financing.api.v1.BidOnInvoiceCommand;
import io.financing.api.v1.CommandStatusRequest;
import io.financing.api.v1.Money;
import io.financing.api.v1.PageRequest;
import io.financing.api.v1.ReverseFinancingCommand;
import io.financing.api.v1.SellInvoiceCommand;
import io.financing.api.v1.UUID;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Requests a hostile or careless client might send, from a seeded {@link Random}: each a well-typed
 * message with random field values (random text, wrong UUIDs, amounts in every notation, huge strings,
 * missing sub-messages), or bytes that are no such message at all (random, truncated, invalid UTF-8 in
 * a string field, beyond the servers' maximum inbound size).
 */
final class HostileRequests {

    /** Larger than the servers' default maximum inbound message (64 KB). */
    static final int OVERSIZED = 70 * 1024;

    private static final List<String> AMOUNTS = List.of("1", "10.5", "10.50", "0.01", "10.505", "1e5", "1E-2", "1.5e1",
            "-0", "-0.00", "0", "0.00", "-10", "+5", " 10", "10 ", "\t10\n", "1" + "0".repeat(40), "9999999999999.99",
            "10000000000000", "NaN", "Infinity", "0x10", "1_000", "1,50", "١٢", "10.", ".5", "", "٫", "1e2147483647");

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A request for one of the Commands methods: its full method name and its bytes. */
    Request command() {
        String[] methods = {"SellInvoice", "BidOnInvoice", "ApproveFinancing", "ReverseFinancing"};
        String method = methods[random.nextInt(methods.length)];
        Function<Random, Message> message = switch (method) {
            case "SellInvoice" -> r -> withCommandId(SellInvoiceCommand.newBuilder()
                    .setIssuerId(uuid()).setAskingPrice(money()).build());
            case "BidOnInvoice" -> r -> withCommandId(BidOnInvoiceCommand.newBuilder()
                    .setInvestorId(uuid()).setInvoiceId(uuid()).setBid(money()).build());
            case "ApproveFinancing" -> r -> withCommandId(ApproveFinancingCommand.newBuilder().setInvoiceId(uuid()).build());
            default -> r -> withCommandId(ReverseFinancingCommand.newBuilder().setInvoiceId(uuid()).build());
        };
        return request("financing.v1.Commands/" + method, message);
    }

    /** A request for one of the Queries methods. */
    Request query() {
        String[] methods = {"GetInvestor", "GetInvoice", "AllInvestors", "AllInvoices", "AllIssuers", "GetCommandStatus"};
        String method = methods[random.nextInt(methods.length)];
        Function<Random, Message> message = switch (method) {
            case "GetInvestor", "GetInvoice" -> r -> uuid();
            case "GetCommandStatus" -> r -> CommandStatusRequest.newBuilder().setCommandId(text()).build();
            default -> r -> PageRequest.newBuilder().setPageSize(pageSize()).setPageToken(text()).build();
        };
        return request("financing.v1.Queries/" + method, message);
    }

    private Request request(String method, Function<Random, Message> message) {
        int kind = random.nextInt(10);
        return switch (kind) {
            case 0 -> new Request(method, "random bytes", bytes(random.nextInt(200)));
            case 1 -> new Request(method, "truncated", truncated(message.apply(random).toByteArray()));
            case 2 -> new Request(method, "invalid UTF-8 in a string field", invalidUtf8(message.apply(random)));
            case 3 -> new Request(method, "oversized", oversized(message.apply(random)));
            case 4 -> new Request(method, "empty message", new byte[0]);
            default -> {
                Message typed = message.apply(random);
                yield new Request(method, typed.toString(), typed.toByteArray());
            }
        };
    }

    private <M extends Message> Message withCommandId(M message) {
        return random.nextInt(3) == 0 ? message : message.toBuilder()
                .setField(message.getDescriptorForType().findFieldByName("command_id"), text()).build();
    }

    /** A UUID sub-message, sometimes missing altogether (the default instance encodes as nothing). */
    private UUID uuid() {
        return random.nextInt(8) == 0 ? UUID.getDefaultInstance() : UUID.newBuilder().setValue(text()).build();
    }

    private Money money() {
        if (random.nextInt(8) == 0) {
            return Money.getDefaultInstance();
        }
        String amount = random.nextBoolean() ? AMOUNTS.get(random.nextInt(AMOUNTS.size())) : text();
        return Money.newBuilder().setAmount(amount).build();
    }

    private int pageSize() {
        int[] sizes = {0, 1, 1000, 1001, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()};
        return sizes[random.nextInt(sizes.length)];
    }

    /** Text for a string field: a UUID in one of its wrong or right forms, or anything at all. */
    private String text() {
        java.util.UUID id = java.util.UUID.randomUUID();
        return switch (random.nextInt(12)) {
            case 0 -> id.toString();
            case 1 -> id.toString().toUpperCase(Locale.ROOT);
            case 2 -> id.toString().replace("-", "");
            case 3 -> "{" + id + "}";
            case 4 -> " " + id + " ";
            case 5 -> new java.util.UUID(id.getMostSignificantBits() & ~0xF000L, id.getLeastSignificantBits()).toString();
            case 6 -> "00000000-0000-0000-0000-000000000000";
            case 7 -> "x".repeat(random.nextInt(60_000));
            case 8 -> "";
            default -> randomUnicode(random.nextInt(80));
        };
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] truncated(byte[] message) {
        return message.length == 0 ? message : java.util.Arrays.copyOf(message, random.nextInt(message.length));
    }

    /** The message with a string field holding bytes that are not UTF-8. */
    private byte[] invalidUtf8(Message message) {
        return append(message, ByteString.copyFrom(new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF}));
    }

    private byte[] oversized(Message message) {
        return append(message, ByteString.copyFromUtf8("x".repeat(OVERSIZED)));
    }

    /**
     * The message's bytes followed by field 15 (a command id) or else field 1 (a UUID's value, a command id;
     * in a page request the size, whose wire type then does not match) holding the value, length-delimited:
     * the last value of a field is the one parsed.
     */
    private static byte[] append(Message message, ByteString value) {
        int field = message.getDescriptorForType().findFieldByNumber(15) != null ? 15 : 1;
        try {
            var out = new ByteArrayOutputStream();
            out.write(message.toByteArray());
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.writeBytes(field, value);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request: where it goes, what it is (for the report), and its bytes on the wire. */
    record Request(String method, String description, byte[] bytes) {
    }
}
