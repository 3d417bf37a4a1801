package io.financing.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: the rules of financing depend on no framework, database or broker. */
@AnalyzeClasses(packages = "io.financing.service", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainUsesNoSpringJdbcOrKafka = noClasses()
            .that().resideInAnyPackage("io.financing.service.issuer..",
                    "io.financing.service.investor..", "io.financing.service.invoice..",
                    "io.financing.service.saga..")
            .or().haveFullyQualifiedName(PolicyViolation.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "org.apache.kafka..", "tools.jackson..",
                    "com.fasterxml.jackson..");
}
