package org.attain.demo;

import java.util.List;
import java.util.SplittableRandom;

/** The demo company's price list: a platform in three editions, add-ons, support and services. */
final class Catalogue {

    static final Product ESSENTIALS = new Product("PLT-ESS", "Brightlane Cloud Essentials", "Platform");
    static final Product PROFESSIONAL = new Product("PLT-PRO", "Brightlane Cloud Professional", "Platform");
    static final Product ENTERPRISE = new Product("PLT-ENT", "Brightlane Cloud Enterprise", "Platform");
    static final Product ANALYTICS = new Product("ADD-ANL", "Advanced Analytics", "Add-on");
    static final Product FORECASTING = new Product("ADD-FCT", "Revenue Forecasting", "Add-on");
    static final Product ASSISTANT = new Product("ADD-AIA", "AI Assistant", "Add-on");
    static final Product SUPPORT = new Product("SUP-PRM", "Premium Support", "Support");
    static final Product SERVICES = new Product("SRV-IMP", "Implementation Services", "Services");

    static final List<Product> ALL =
            List.of(ESSENTIALS, PROFESSIONAL, ENTERPRISE, ANALYTICS, FORECASTING, ASSISTANT, SUPPORT, SERVICES);

    private static final List<Product> ADD_ONS = List.of(ANALYTICS, FORECASTING, ASSISTANT, SUPPORT, SERVICES);

    private Catalogue() {}

    /** New logos and renewals buy the edition that fits their size; expansions buy add-ons. */
    static Product productFor(DealType dealType, SizeBand band, SplittableRandom random) {
        if (dealType == DealType.EXPANSION) {
            return ADD_ONS.get(random.nextInt(ADD_ONS.size()));
        }
        return switch (band) {
            case SMB -> random.nextInt(4) == 0 ? PROFESSIONAL : ESSENTIALS;
            case MID -> random.nextInt(4) == 0 ? ENTERPRISE : PROFESSIONAL;
            case ENTERPRISE -> ENTERPRISE;
        };
    }
}
