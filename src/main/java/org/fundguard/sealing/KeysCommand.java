package org.fundguard.sealing;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * {@code fundguard keys status|rotate|retire}: the master key's rotation while the application runs. {@code rotate}
 * adds a new primary key (running nodes read the changed keyset file and seal with it from then on) and re-wraps
 * every stored data key under it; {@code retire} re-wraps what was sealed meanwhile and removes the old keys, only
 * when nothing is wrapped by them any more. Exit code 0 on success, 1 when retiring must wait, 2 for a wrong call.
 */
@Component
public class KeysCommand {

	private final MasterKeys keys;
	private final Sealer sealer;
	private final List<SealedStore<?>> stores;

	KeysCommand(MasterKeys keys, Sealer sealer, List<SealedStore<?>> stores) {
		this.keys = keys;
		this.sealer = sealer;
		this.stores = stores;
	}

	public int run(String[] args, PrintStream out) {
		String what = args.length == 1 ? args[0] : "";
		switch (what) {
			case "status" -> {
				status(out);
				return 0;
			}
			case "rotate" -> {
				int primary = keys.rotate();
				out.println("新主密钥 / new primary master key: " + Integer.toUnsignedString(primary));
				rewrap(out);
				status(out);
				out.println("旧密钥仍保留，以便读取轮换期间其他节点写入的数据；稍后运行 keys retire 删除 / the old keys stay until `keys retire`");
				return 0;
			}
			case "retire" -> {
				rewrap(out);
				int left = stores.stream().mapToInt(s -> s.wrappedByOtherKeys(sealer)).sum();
				if (left > 0) {
					out.println("仍有 " + left + " 个数据密钥由旧密钥包裹，暂不删除旧密钥 / " + left + " data keys still under old keys: not retired");
					return 1;
				}
				out.println("已删除旧主密钥 / old master keys removed: " + keys.retire());
				status(out);
				return 0;
			}
			default -> {
				out.println("用法 / usage: keys status|rotate|retire");
				return 2;
			}
		}
	}

	private void rewrap(PrintStream out) {
		for (SealedStore<?> store : stores) {
			out.println(store.label() + "：重新包裹 / re-wrapped " + store.rewrap(sealer));
		}
	}

	private void status(PrintStream out) {
		out.println("主密钥 / primary: " + Integer.toUnsignedString(keys.primaryKeyId()) + "，密钥集 / keyset: "
				+ keys.keyIds().stream().map(Integer::toUnsignedString).toList());
		for (SealedStore<?> store : stores) {
			out.println(store.label() + "：旧密钥包裹 / under old keys " + store.wrappedByOtherKeys(sealer));
		}
	}
}
