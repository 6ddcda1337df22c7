package org.attain.engine.cel;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type-checks conditions with each variable declared as a struct of its dictionary fields, so that
 * {@code deal.type == 1} or {@code deal.amount / 2 > 10} (double by int: no such operator in CEL) fail
 * at compile time instead of being false for every deal. Used only to check: the program that runs is
 * compiled against plain maps, which is why field selection behaves the same at run time.
 */
final class TypedCheck {

    private static final int CACHED = 16;
    private static final Map<DataDictionary, TypedCheck> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DataDictionary, TypedCheck> eldest) {
            return size() > CACHED;
        }
    };

    private final Cel deal;
    private final Cel period;

    private TypedCheck(DataDictionary dictionary) {
        StructType dealType = struct("attain.Deal", dictionary.fields("deal"));
        StructType accountType = struct("attain.Account", dictionary.fields("account"));
        StructType personType = struct("attain.Person", dictionary.fields("person"));
        StructType periodType = struct("attain.Period", DataDictionary.PERIOD_FIELDS);
        CelTypeProvider types = new Provider(List.of(dealType, accountType, personType, periodType));
        this.deal = CelFactory.standardCelBuilder()
                .setOptions(CelConditions.OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(types)
                .addVar("deal", dealType)
                .addVar("account", accountType)
                .addVar("person", personType)
                .build();
        this.period = CelFactory.standardCelBuilder()
                .setOptions(CelConditions.OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(types)
                .addVar("attainment", SimpleType.DOUBLE)
                .addVar("quota", SimpleType.DOUBLE)
                .addVar("measure", MapType.create(SimpleType.STRING, SimpleType.DOUBLE))
                .addVar("person", personType)
                .addVar("period", periodType)
                .build();
    }

    /** Building a checker takes tens of milliseconds; the few dictionaries in use are kept. */
    static TypedCheck of(DataDictionary dictionary) {
        synchronized (CACHE) {
            TypedCheck check = CACHE.get(dictionary);
            if (check == null) {
                check = new TypedCheck(dictionary);
                CACHE.put(dictionary, check);
            }
            return check;
        }
    }

    List<ExpressionError> deal(String text) {
        return check(deal, text);
    }

    List<ExpressionError> period(String text) {
        return check(period, text);
    }

    private static List<ExpressionError> check(Cel cel, String text) {
        CelValidationResult result = cel.compile(text);
        List<ExpressionError> errors = new ArrayList<>();
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                errors.add(ExpressionError.cel(
                        Math.max(issue.getSourceLocation().getLine(), 1),
                        Math.max(issue.getSourceLocation().getColumn(), 0) + 1,
                        issue.getMessage()));
            }
            return errors;
        }
        try {
            CelType type = result.getAst().getResultType();
            if (!SimpleType.BOOL.equals(type) && !SimpleType.DYN.equals(type)) {
                errors.add(ExpressionError.notBoolean(type.name()));
            }
        } catch (CelValidationException e) {
            errors.add(ExpressionError.cel(1, 1, e.getMessage()));
        }
        return errors;
    }

    private static StructType struct(String name, Map<String, DataDictionary.Type> fields) {
        Map<String, CelType> types = new LinkedHashMap<>();
        fields.forEach((f, t) -> types.put(f, celType(t)));
        return StructType.create(name, ImmutableSet.copyOf(types.keySet()), f -> Optional.ofNullable(types.get(f)));
    }

    private static CelType celType(DataDictionary.Type type) {
        return switch (type) {
            case STRING -> SimpleType.STRING;
            case NUMBER -> SimpleType.DOUBLE;
            case INTEGER -> SimpleType.INT;
            case BOOLEAN -> SimpleType.BOOL;
            case ANY -> SimpleType.DYN;
        };
    }

    private record Provider(List<CelType> all) implements CelTypeProvider {

        @Override
        public ImmutableList<CelType> types() {
            return ImmutableList.copyOf(all);
        }

        @Override
        public Optional<CelType> findType(String name) {
            return all.stream().filter(t -> t.name().equals(name)).findFirst();
        }
    }
}
