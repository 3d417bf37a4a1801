# One image per service, built from this repository: docker compose passes MODULE and JAR.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package -pl ${MODULE} -am

FROM eclipse-temurin:17-jre
ARG MODULE
ARG JAR
COPY --from=build /src/${MODULE}/target/${JAR} /app/service.jar
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/service.jar"]
