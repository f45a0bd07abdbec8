"""Command line: ``python -m hirelink.integrations.wecom.sandbox --port 8900 [--callback-url URL]``.

Every option can also come from the environment (``WECOM_SANDBOX_*`` or the app's ``WECOM_*`` names).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from .app import make_app
from .state import SandboxConfig


def _env(*names: str, default: str = "") -> str:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return default


def main(argv: list[str] | None = None) -> int:
    defaults = SandboxConfig()
    parser = argparse.ArgumentParser(description="WeCom (企业微信) sandbox server for HireLink")
    parser.add_argument("--host", default=_env("WECOM_SANDBOX_HOST", default="127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(_env("WECOM_SANDBOX_PORT", default="8900")))
    parser.add_argument("--corpid", default=_env("WECOM_SANDBOX_CORP_ID", "WECOM_CORP_ID", default=defaults.corpid))
    parser.add_argument(
        "--agentid",
        type=int,
        default=int(_env("WECOM_SANDBOX_AGENT_ID", "WECOM_AGENT_ID", default=str(defaults.agentid))),
    )
    parser.add_argument("--secret", default=_env("WECOM_SANDBOX_SECRET", "WECOM_SECRET", default=defaults.secret))
    parser.add_argument("--token", default=_env("WECOM_SANDBOX_TOKEN", "WECOM_TOKEN", default=defaults.token))
    parser.add_argument(
        "--encoding-aes-key",
        default=_env("WECOM_SANDBOX_ENCODING_AES_KEY", "WECOM_ENCODING_AES_KEY", default=defaults.encoding_aes_key),
    )
    parser.add_argument(
        "--callback-url", default=_env("WECOM_SANDBOX_CALLBACK_URL", default="http://127.0.0.1:8000/wecom/callback/")
    )
    parser.add_argument(
        "--open-kfid", default=_env("WECOM_SANDBOX_OPEN_KFID", "WECOM_OPEN_KFID", default=defaults.open_kfid)
    )
    parser.add_argument("--data-file", default=_env("WECOM_SANDBOX_DATA_FILE"), help="keep the state in this JSON file")
    parser.add_argument("--require-confirm", action="store_true", help="群发 tasks wait for the sender's confirmation")
    parser.add_argument("--strict-directory", action="store_true", help="unknown recipients are invalid (81013)")
    args = parser.parse_args(argv)

    config = SandboxConfig(
        corpid=args.corpid,
        agentid=args.agentid,
        secret=args.secret,
        token=args.token,
        encoding_aes_key=args.encoding_aes_key,
        callback_url=args.callback_url,
        open_kfid=args.open_kfid,
        data_file=args.data_file,
        require_confirm=args.require_confirm,
        auto_register=not args.strict_directory,
    )
    app = make_app(config)
    logging.basicConfig(level=logging.INFO)
    sys.stdout.write(
        f"WeCom sandbox on http://{args.host}:{args.port}/sandbox/  (API base http://{args.host}:{args.port}, "
        f"corpid {config.corpid}, agentid {config.agentid}, callback {config.callback_url or '—'})\n"
    )
    sys.stdout.flush()
    from waitress import serve  # type: ignore[import-untyped]

    serve(app, host=args.host, port=args.port, threads=4)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
