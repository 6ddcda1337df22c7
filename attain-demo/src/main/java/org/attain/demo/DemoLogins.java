package org.attain.demo;

/**
 * The people the app's demo logins are linked to (external ids).
 *
 * @param demoManager   a first-line manager with several reps
 * @param demoRep       one of that manager's reps: active all along, solid results, same manager throughout
 * @param demoAdmin     sales operations (system administrator)
 * @param demoCompAdmin compensation administrator
 * @param demoFinance   finance controller
 */
public record DemoLogins(
        String demoManager, String demoRep, String demoAdmin, String demoCompAdmin, String demoFinance) {}
