# syntax=docker/dockerfile:1
# Build stage: a virtualenv with the pinned dependencies and Bulwark itself.
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16 AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/bulwark
COPY requirements.lock pyproject.toml README.md ./
RUN /opt/bulwark/bin/pip install --require-virtualenv --require-hashes -r requirements.lock
COPY app ./app
COPY analyzers ./analyzers
RUN /opt/bulwark/bin/pip install --no-deps --no-build-isolation .

# Runtime stage: no compilers, a non-root user, migrations then the server.
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16
# Production: placeholder or missing secrets refuse to start, and session cookies are Secure.
ENV PATH=/opt/bulwark/bin:$PATH PYTHONUNBUFFERED=1 BULWARK_DATABASE_URL=sqlite:////data/bulwark.db \
    BULWARK_ENVIRONMENT=production
RUN useradd --system --uid 10001 --home-dir /data --create-home bulwark
COPY --from=build /opt/bulwark /opt/bulwark
# app/migrate.py and app/setup.py read these beside the installed `app` package.
COPY alembic.ini app.yml /opt/bulwark/lib/python3.11/site-packages/
COPY migrations /opt/bulwark/lib/python3.11/site-packages/migrations
WORKDIR /data
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=2)"]
CMD ["sh", "-c", "bulwark migrate && exec bulwark serve --host 0.0.0.0 --port 3000"]
