package io.financing.service.json;

import io.financing.api.Money;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** How the Financing context writes its events: money as a JSON string with two fraction digits. */
public final class FinancingJson {

    private FinancingJson() {
    }

    public static JsonMapper mapper() {
        var money = new SimpleModule("money")
                .addSerializer(Money.class, ToStringSerializer.instance)
                .addDeserializer(Money.class, new MoneyDeserializer());
        return JsonMapper.builder().addModule(money).build();
    }

    private static final class MoneyDeserializer extends StdScalarDeserializer<Money> {

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) {
            return Money.of(parser.getValueAsString());
        }
    }
}
