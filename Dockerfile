# syntax=docker/dockerfile:1
# Build stage: the runtime lock (hash-checked) in a virtualenv, and Bulwark's own wheel built from the source
# with the lock's build backend, which then leaves with pip; no development tool is installed anywhere.
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16 AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/bulwark
COPY requirements.lock ./
RUN /opt/bulwark/bin/pip install --require-virtualenv --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY app ./app
COPY analyzers ./analyzers
# The wheel carries the migrations, alembic.ini, app.yml, templates, static files and query files.
RUN /opt/bulwark/bin/pip wheel --no-deps --no-build-isolation --wheel-dir /dist . \
    && /opt/bulwark/bin/pip install --require-virtualenv --no-deps --no-index /dist/bulwark-*.whl \
    && /opt/bulwark/bin/pip uninstall --yes setuptools pip

# Runtime stage: the runtime virtualenv only, no compilers, a non-root user, migrations then the server.
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16
# Production: placeholder or missing secrets refuse to start, and session cookies are Secure.
ENV PATH=/opt/bulwark/bin:$PATH PYTHONUNBUFFERED=1 BULWARK_DATABASE_URL=sqlite:////data/bulwark.db \
    BULWARK_ENVIRONMENT=production
RUN useradd --system --uid 10001 --home-dir /data --create-home bulwark
COPY --from=build /opt/bulwark /opt/bulwark
WORKDIR /data
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=2)"]
CMD ["sh", "-c", "bulwark migrate && exec bulwark serve --host 0.0.0.0 --port 3000"]
