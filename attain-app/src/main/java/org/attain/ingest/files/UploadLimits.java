package org.attain.ingest.files;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads big enough for real exports: the servlet default of 1 MB would refuse an ordinary CRM
 * file. Parts above 1 MB are spooled to disk by the container, so even a large upload never sits
 * in memory; anything above 1 GB is refused with 413 before it is read.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    private static final long MB = 1024L * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement() {
        return new MultipartConfigElement("", 1024 * MB, 1025 * MB, (int) MB);
    }
}
