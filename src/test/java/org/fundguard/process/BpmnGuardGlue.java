package org.fundguard.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The glue convention: an expression passes ids and calls one method of the module that owns the process. So no
 * {@code execution} or {@code task} object handed to a bean, no {@code getVariable(...)}, no
 * {@code authenticatedUserId} (the module learns the actor from the task: {@code task.id}), {@code task.id} the only
 * member read ({@code execution.processBusinessKey} only to hand the business key to a called process), and only beans
 * (and delegate classes) of the process's own module - a kernel bean such as {@code deadlines} is another module's
 * too. A process belongs to the module whose {@code @VariablesOf} class lists its key.
 */
final class BpmnGuardGlue {

	/** Engine objects that must not travel into a bean. */
	private static final Set<String> OBJECTS = Set.of("execution", "task", "variableScope", "externalTask");

	private static final Pattern GET_VARIABLE = Pattern.compile("\\bgetVariable\\w*\\s*\\(");

	private static final Pattern MEMBER = Pattern.compile("\\G\\s*\\.\\s*([A-Za-z_]\\w*)(\\s*\\()?");

	private final Map<String, String> moduleOfProcess;
	private final Map<String, String> assumedModules;
	private final Function<String, String> moduleOfBean;
	private final Set<String> variables;

	/**
	 * @param moduleOfProcess process key to the module (the package segment after {@code org.fundguard}) that owns it
	 * @param assumedModules the module to check a process against while no {@code @VariablesOf} class declares it
	 *        (which is still reported)
	 * @param moduleOfBean a bean's name to its module, or to a description of where it lies outside FundGuard; null
	 *        when there is no such bean (which {@link BpmnGuard} reports)
	 * @param variables the declared process variables: a name that is one is read as the variable, as the engine does
	 */
	BpmnGuardGlue(Map<String, String> moduleOfProcess, Map<String, String> assumedModules,
			Function<String, String> moduleOfBean, Set<String> variables) {
		this.moduleOfProcess = moduleOfProcess;
		this.assumedModules = assumedModules;
		this.moduleOfBean = moduleOfBean;
		this.variables = variables;
	}

	List<String> check(List<BpmnModel> models) {
		Set<String> problems = new LinkedHashSet<>();
		for (BpmnModel model : models) {
			for (Element process : model.elements(BpmnModel.BPMN, "process")) {
				String key = process.getAttribute("id");
				String module = moduleOfProcess.get(key);
				if (module == null) {
					problems.add(model.name() + ": process " + key + " is declared by no @VariablesOf class");
					module = assumedModules.get(key);
				}
				walk(model, process, new Owner(key, module), problems);
			}
		}
		return new ArrayList<>(problems);
	}

	private record Owner(String process, String module) {
	}

	private void walk(BpmnModel model, Element element, Owner owner, Set<String> problems) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			if (BpmnModel.CAMUNDA.equals(attribute.getNamespaceURI()) && "class".equals(attribute.getLocalName())) {
				checkClass(model, element, attribute.getNodeValue(), owner, problems);
			}
			boolean handsOverBusinessKey = BpmnModel.CAMUNDA.equals(element.getNamespaceURI())
					&& "in".equals(element.getLocalName()) && "businessKey".equals(attribute.getLocalName());
			checkExpressions(model, element, attribute.getNodeValue(), handsOverBusinessKey, owner, problems);
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				walk(model, e, owner, problems);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				checkExpressions(model, element, child.getNodeValue(), false, owner, problems);
			}
		}
	}

	private void checkClass(BpmnModel model, Element element, String className, Owner owner, Set<String> problems) {
		String module = moduleOfClass(className);
		if (owner.module() != null && !owner.module().equals(module)) {
			problems.add(model.where(element) + ": class " + className + " is " + describe(module)
					+ ", not of module " + owner.module() + " that owns process " + owner.process());
		}
	}

	private void checkExpressions(BpmnModel model, Element element, String text, boolean handsOverBusinessKey,
			Owner owner, Set<String> problems) {
		Matcher expression = BpmnGuard.EXPRESSION.matcher(text);
		while (expression.find()) {
			String body = BpmnGuard.STRING_LITERAL.matcher(expression.group(1)).replaceAll("''");
			String where = model.where(element) + ": expression " + expression.group();
			if (GET_VARIABLE.matcher(body).find()) {
				problems.add(where + " reads a variable with getVariable(...): pass ids, the module reads the rest");
			}
			Matcher identifier = BpmnGuard.ROOT_IDENTIFIER.matcher(body);
			while (identifier.find()) {
				String name = identifier.group(1);
				if (OBJECTS.contains(name)) {
					checkObject(name, body, identifier.end(), handsOverBusinessKey, where, problems);
				}
				else if ("authenticatedUserId".equals(name)) {
					problems.add(where + " passes authenticatedUserId: the module learns the actor from the task (task.id)");
				}
				else if (!BpmnGuard.ENGINE_NAMES.contains(name) && !variables.contains(name)) {
					checkBean(name, owner, where, problems);
				}
			}
		}
	}

	private static void checkObject(String object, String body, int end, boolean handsOverBusinessKey, String where,
			Set<String> problems) {
		Matcher member = MEMBER.matcher(body).region(end, body.length());
		if (!member.find()) {
			problems.add(where + " passes the " + object + " object: pass ids (task.id in a task listener)");
			return;
		}
		String name = member.group(1);
		boolean call = member.group(2) != null;
		boolean taskId = "task".equals(object) && "id".equals(name) && !call;
		boolean businessKey = handsOverBusinessKey && "execution".equals(object) && "processBusinessKey".equals(name)
				&& !call;
		if (!taskId && !businessKey && !name.startsWith("getVariable")) {
			problems.add(where + " reads " + object + "." + name
					+ ": only task.id (and execution.processBusinessKey in camunda:in businessKey) may be read");
		}
	}

	private void checkBean(String bean, Owner owner, String where, Set<String> problems) {
		String module = moduleOfBean.apply(bean);
		if (module != null && owner.module() != null && !owner.module().equals(module)) {
			problems.add(where + " names bean " + bean + " " + describe(module) + ", not of module " + owner.module()
					+ " that owns process " + owner.process());
		}
	}

	private static String describe(String module) {
		return module.startsWith("outside") ? module : "of module " + module;
	}

	/** The module of a FundGuard class (the package segment after org.fundguard), or where else it lies. */
	static String moduleOfClass(String className) {
		return moduleOfClass("org.fundguard", className);
	}

	/** The module of a class under a base package (the package segment after it), or where else it lies. */
	static String moduleOfClass(String basePackage, String className) {
		String prefix = basePackage + ".";
		if (!className.startsWith(prefix) || className.indexOf('.', prefix.length()) < 0) {
			int dot = className.lastIndexOf('.');
			return "outside FundGuard (" + (dot < 0 ? className : className.substring(0, dot)) + ")";
		}
		return className.substring(prefix.length(), className.indexOf('.', prefix.length()));
	}
}
