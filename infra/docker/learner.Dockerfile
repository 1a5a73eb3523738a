# syntax=docker/dockerfile:1
# The Python/PyTorch learner (swirl.v1.LearnerService, CPU torch).
#   docker build -f infra/docker/learner.Dockerfile -t swirl/learner:dev .
#   docker run --rm -p 50055:50055 -p 9468:9468 swirl/learner:dev
# The learner imports the generated stubs from clients/python/src through a path relative to its
# own package (swirl_learner/_stubs_path.py), so the image keeps the repository layout under /app.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm
# CPU wheels of torch (the default index's torch pulls CUDA, several GB).
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu

FROM ${PYTHON_IMAGE} AS build
ARG TORCH_INDEX
WORKDIR /src
COPY tools/python/requirements.txt requirements.txt
COPY apps/learner/pyproject.toml pyproject.toml
# The learner's run-time dependencies (pyproject) at the versions the repository pins
# (requirements.txt as constraints), plus the metrics client.
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > deps.txt \
 && python -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check \
      --extra-index-url "${TORCH_INDEX}" -c requirements.txt -r deps.txt prometheus-client \
 && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} +

FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app/apps/learner \
    HOME=/tmp
COPY --from=build /opt/venv /opt/venv
WORKDIR /app/apps/learner
COPY apps/learner/pyproject.toml ./pyproject.toml
COPY apps/learner/swirl_learner ./swirl_learner
COPY clients/python/src /app/clients/python/src
RUN mkdir -p /var/lib/swirl/artifacts && chown -R 10001:10001 /var/lib/swirl
USER 10001:10001
EXPOSE 50055 9468
# Other commands: `health-probe --port 50055 [--service S]` (the exec probe of the tls component:
# no node in this image), `--help`.
ENTRYPOINT ["python", "-m", "swirl_learner"]
CMD ["serve", "--host", "0.0.0.0", "--port", "50055", "--metrics-port", "9468", \
     "--checkpoint-root", "/var/lib/swirl/artifacts/checkpoints", "--export-root", "/var/lib/swirl/artifacts/exports"]
